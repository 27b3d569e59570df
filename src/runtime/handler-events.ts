/**
 * Which plugin's dialog an event is being dispatched in. An inline handler in a dialog body
 * (`onclick="..."`) runs as code of the page, so an exception in it names the page's URL, not
 * the plugin's script; the dialog notes each event it sees (before its body's handlers run)
 * so the error can still be put down to the plugin whose dialog it is.
 */
let noted: { event: Event; pluginId: string } | undefined;

export function noteHandlerEvent(event: Event, pluginId: string): void {
  noted = { event, pluginId };
}

/** The plugin whose dialog the event being dispatched now belongs to, if one is. */
export function handlerEventPluginId(): string | undefined {
  // An event that has finished dispatching is at phase NONE: its handlers are behind us.
  return noted && noted.event.eventPhase !== Event.NONE ? noted.pluginId : undefined;
}
