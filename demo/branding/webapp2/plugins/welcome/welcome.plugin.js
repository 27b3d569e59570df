// A plugin that relies on the Connect app's deployment layout, as about 1 in 9 real plugins do:
// in load it fetches its JSON file and appends its library script page-relative, through
// custom_configuration/ (where the Connect app serves the branding folder, beside its page), and
// it uses both on the first conference details with started: true. That works because the app
// loads plugins before the call is joined: by the time the conference has started, the files
// have arrived. (The demo serves this folder as custom_configuration/ and joins only after the
// plugins have loaded.) Elsewhere the files are not found; the plugin then says so in the
// console instead of greeting.
(function () {
  var texts = null;
  var participantCount = 0;
  var subscriptions = [];
  var script = null;

  function warn(text) {
    console.warn('[welcome plugin] ' + text);
  }

  function load(participants$, conferenceDetails$) {
    // Page-relative, as the Connect app serves the branding: `pex-plugins validate` checks that
    // such a file is in this plugin's folder.
    fetch('./custom_configuration/plugins/welcome/assets/welcome.json')
      .then(function (response) {
        if (!response.ok) throw new Error('HTTP ' + response.status + ' from ' + response.url);
        return response.json();
      })
      .then(function (json) {
        texts = json;
      })
      .catch(function (error) {
        warn('its texts could not be loaded (' + error.message + '): is the branding served as custom_configuration/ beside the page?');
      });

    var library = document.createElement('script');
    script = library;
    library.src = 'custom_configuration/plugins/welcome/lib/welcome-text.js';
    library.onerror = function () {
      warn(library.src + ' could not be loaded: is the branding served as custom_configuration/ beside the page?');
    };
    document.head.appendChild(library);

    subscriptions.push(
      participants$.subscribe(function (participants) {
        participantCount = participants.length;
      }),
    );
    var greeted = false;
    subscriptions.push(
      conferenceDetails$.subscribe(function (details) {
        if (!details.started || greeted) return;
        greeted = true;
        var welcomeText = /** @type {any} */ (window).DemoWelcomeText;
        if (!welcomeText || !texts) {
          warn('the conference had started before its files arrived: load plugins before joining, as the Connect app does.');
          return;
        }
        var greeting = welcomeText.format(texts.greeting, { people: welcomeText.people(participantCount) });
        PEX.dispatchAction({ type: '[Demo] Notice', payload: greeting + ' ' + texts.tip });
      }),
    );
  }

  function unload() {
    subscriptions.forEach(function (subscription) {
      subscription.unsubscribe();
    });
    subscriptions = [];
    if (script) script.remove();
    script = null;
  }

  PEX.pluginAPI.registerPlugin({ id: 'welcome-plugin-1.0', load: load, unload: unload });
})();
