(function () {
  PEX.pluginAPI.registerPlugin({
    id: 'guest-help-plugin-1.0',
    load: function () {},
    unload: function () {},
    help: function () { PEX.dispatchAction({ type: '[Demo] Notice', payload: 'Ask the host to admit you.' }); }
  });
})();
