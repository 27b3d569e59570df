// A desktop-only plugin ("platforms": ["electron"]): a conference-menu item that lists the
// desktop app's keyboard shortcuts in a dialog. On the web the platform filter never loads it.
(function () {
  var SHORTCUTS = [
    ['Ctrl+D', 'Mute or unmute the microphone'],
    ['Ctrl+E', 'Turn the camera on or off'],
    ['Ctrl+Shift+H', 'Raise or lower your hand'],
    ['Ctrl+Shift+L', 'Leave the conference']
  ];

  function showShortcuts() {
    var rows = SHORTCUTS.map(function (s) {
      return '<tr><th scope="row" style="text-align: left; padding: 0.2rem 1rem 0.2rem 0;"><kbd>' + s[0] + '</kbd></th><td>' + s[1] + '</td></tr>';
    }).join('');
    PEX.pluginAPI.openTemplateDialog({
      title: 'Keyboard shortcuts',
      body:
        '<table id="desktopShortcutsTable" class="pex-dialog-content-message"><tbody>' + rows + '</tbody></table>' +
        '<div class="buttons"><button id="desktopShortcutsOk" type="button" class="dialog-button green-action-button" autofocus>OK</button></div>'
    }).then(function (dialogRef) {
      document.getElementById('desktopShortcutsOk').addEventListener('click', function () {
        dialogRef.close();
      });
    });
  }

  PEX.pluginAPI.registerPlugin({
    id: 'desktop-shortcuts-plugin-1.0',
    load: function () {},
    unload: function () {},
    showShortcuts: showShortcuts
  });
})();
