// A conference-menu plugin: a dialog whose buttons change the layout with inline onclick
// handlers (window.PEX.pluginAPI.transformConferenceLayout), as in the guide. The plugin follows
// the "[Conference] Layout Changed" action (Infinity's layout event) to say which layout the
// conference shows and to mark that button.
(function () {
  var NAMES = {
    '4:0': 'Equal (4:0)',
    '1:7': 'Speaker (1:7)',
    '1:0': 'Large speaker (1:0)',
    ac: 'Adaptive composition (ac)'
  };
  var current = null; // the view of the last layout event; null until the layout changes
  var actionSubscription = null;

  function load() {
    actionSubscription = window.PEX.actions$.ofType('[Conference] Layout Changed').subscribe(function (action) {
      current = action.payload && action.payload.view ? String(action.payload.view) : null;
      markCurrent();
    });
  }

  function unload() {
    if (actionSubscription) actionSubscription.unsubscribe();
    actionSubscription = null;
  }

  // Updates an open dialog: the sentence and aria-pressed on the buttons.
  function markCurrent() {
    var text = document.getElementById('layoutPluginCurrent');
    if (!text) return;
    text.textContent = current
      ? 'The conference shows: ' + (NAMES[current] || current) + '.'
      : 'Choose how everyone sees the conference.';
    var buttons = document.querySelectorAll('#layoutPluginButtons [data-layout]');
    for (var i = 0; i < buttons.length; i++) {
      var pressed = buttons[i].getAttribute('data-layout') === current;
      buttons[i].setAttribute('aria-pressed', String(pressed));
      buttons[i].className = 'dialog-button ' + (pressed ? 'green-action-button' : 'blue-action-button');
    }
  }

  function openLayoutDialog() {
    if (document.getElementById('layoutPluginCurrent')) return; // already open
    PEX.pluginAPI.openTemplateDialog({
      title: 'Layout',
      body:
        '<p id="layoutPluginCurrent" class="pex-dialog-content-message" aria-live="polite"></p>' +
        '<div id="layoutPluginButtons" class="buttons">' +
        '  <button type="button" class="dialog-button blue-action-button" data-layout="4:0" aria-pressed="false"' +
        '          onclick="window.PEX.pluginAPI.transformConferenceLayout({layout: \'4:0\'})">Equal (4:0)</button>' +
        '  <button type="button" class="dialog-button blue-action-button" data-layout="1:7" aria-pressed="false"' +
        '          onclick="window.PEX.pluginAPI.transformConferenceLayout({layout: \'1:7\'})">Speaker (1:7)</button>' +
        '  <button type="button" class="dialog-button blue-action-button" data-layout="1:0" aria-pressed="false"' +
        '          onclick="window.PEX.pluginAPI.transformConferenceLayout({layout: \'1:0\'})">Large speaker (1:0)</button>' +
        '  <button type="button" class="dialog-button green-non-action-button"' +
        '          onclick="window.PEX.pluginAPI.transformConferenceLayout({})">Reset</button>' +
        '</div>'
    }).then(markCurrent);
  }

  PEX.pluginAPI.registerPlugin({
    id: 'layout-plugin-1.0',
    load: load,
    unload: unload,
    openLayoutDialog: openLayoutDialog
  });
})();
