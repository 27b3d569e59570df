// A conference-menu plugin: the action receives the conference details.
(function () {
  function showInfo(conferenceDetails) {
    PEX.dispatchAction({
      type: '[Demo] Notice',
      payload: 'The conference is ' + (conferenceDetails.locked ? 'locked' : 'unlocked') +
        ', guests are ' + (conferenceDetails.guestsMuted ? 'muted' : 'not muted') +
        ', media: ' + conferenceDetails.mediaType + '.'
    });
  }
  PEX.pluginAPI.registerPlugin({ id: 'conference-info-plugin-1.0', load: function () {}, unload: function () {}, showInfo: showInfo });
})();
