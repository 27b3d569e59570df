// A conference-menu plugin: sendRequest('muteguests' | 'unmuteguests', undefined, callback).
// Its item says "Mute guests" or "Unmute guests" after conferenceDetails$ (state$).
(function () {
  var state$ = window.PEX.pluginAPI.createNewState({});
  var guestsMuted = false;
  var detailsSubscription = null;

  function load(participants$, conferenceDetails$) {
    detailsSubscription = conferenceDetails$.subscribe(function (details) {
      guestsMuted = !!(details && details.guestsMuted);
      state$.next(
        guestsMuted
          ? { icon: 'unmute-guests.svg#unmuteGuests', label: 'Unmute guests' }
          : { icon: 'mute-guests.svg#muteGuests', label: 'Mute guests' }
      );
    });
  }

  function unload() {
    if (detailsSubscription) detailsSubscription.unsubscribe();
    detailsSubscription = null;
  }

  function toggleGuestsMuted() {
    var request = guestsMuted ? 'unmuteguests' : 'muteguests';
    PEX.pluginAPI.sendRequest(request, undefined, function (answer) {
      if (answer.status !== 'success') {
        PEX.dispatchAction({ type: '[Demo] Notice', payload: 'Could not ' + (guestsMuted ? 'unmute' : 'mute') + ' the guests: ' + answer.result });
      }
    });
  }

  PEX.pluginAPI.registerPlugin({
    id: 'mute-guests-plugin-1.0',
    load: load,
    unload: unload,
    toggleGuestsMuted: toggleGuestsMuted,
    state$: state$
  });
})();
