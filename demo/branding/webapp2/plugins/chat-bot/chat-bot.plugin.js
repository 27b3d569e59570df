// A chat plugin: it listens on PEX.actions$ for chat messages and answers commands with
// sendChatMessage. "!help" lists the commands, "!time" tells the time. Messages from the others
// arrive as RECEIVE_CHAT_MESSAGE (payload {origin, uuid, type, payload}); the user's own as
// SEND_CHAT_MESSAGE (payload: the text), so the user can ask the bot too. The bot's answers never
// start with "!", so it never answers itself.
// Its toolbar button counts the messages received since the user last looked (state$); a click
// shows the latest ones in a dialog and marks them read.
(function () {
  var KEEP = 5;
  var state$ = window.PEX.pluginAPI.createNewState({});
  var unread = 0;
  var recent = []; // the latest messages received, oldest first: {from, text}
  var subscriptions = [];

  var COMMANDS = {
    '!help': function () {
      return 'Chat bot commands: !help (this list), !time (the time where the bot runs).';
    },
    '!time': function () {
      return 'The time here is ' + new Date().toLocaleTimeString() + '.';
    }
  };

  function answer(text) {
    var command = String(text || '').trim().split(/\s+/)[0].toLowerCase();
    if (!Object.prototype.hasOwnProperty.call(COMMANDS, command)) return;
    window.PEX.pluginAPI.sendChatMessage(COMMANDS[command]()).catch(function () {
      // The host logs the failure with this plugin's id; nothing else to do.
    });
  }

  function showCount() {
    state$.next(
      unread === 0
        ? { icon: 'chat.svg#chat', label: 'Chat bot: no unread messages' }
        : { icon: 'chat-unread.svg#chatUnread', label: 'Chat bot: ' + unread + ' unread message' + (unread === 1 ? '' : 's') }
    );
  }

  function load() {
    var actions = window.PEX.actions;
    subscriptions.push(
      window.PEX.actions$.ofType(actions.RECEIVE_CHAT_MESSAGE).subscribe(function (action) {
        var message = action.payload || {};
        if (message.uuid && message.uuid === window.PEX.selfUUID) return;
        recent.push({ from: String(message.origin || 'Someone'), text: String(message.payload || '') });
        if (recent.length > KEEP) recent.shift();
        unread += 1;
        showCount();
        answer(message.payload);
      })
    );
    subscriptions.push(
      window.PEX.actions$.ofType(actions.SEND_CHAT_MESSAGE).subscribe(function (action) {
        answer(action.payload);
      })
    );
    showCount();
  }

  function unload() {
    subscriptions.forEach(function (subscription) {
      subscription.unsubscribe();
    });
    subscriptions = [];
  }

  function showMessages() {
    if (document.getElementById('chatBotRecent')) return; // already open
    unread = 0;
    showCount();
    PEX.pluginAPI.openTemplateDialog({
      title: 'Chat bot',
      body:
        '<p class="pex-dialog-content-message">Type <strong>!help</strong> or <strong>!time</strong> in the chat and the bot answers.</p>' +
        '<ul id="chatBotRecent" class="pex-dialog-content-message" style="padding-left: 1.2rem;"></ul>' +
        '<div class="buttons"><button id="chatBotOk" type="button" class="dialog-button green-action-button" autofocus>OK</button></div>'
    }).then(function (dialogRef) {
      var list = document.getElementById('chatBotRecent');
      if (recent.length === 0) {
        var none = document.createElement('li');
        none.textContent = 'No messages yet.';
        list.appendChild(none);
      }
      recent.forEach(function (message) {
        // Chat is untrusted: text only.
        var item = document.createElement('li');
        var who = document.createElement('strong');
        who.textContent = message.from + ': ';
        item.appendChild(who);
        item.appendChild(document.createTextNode(message.text));
        list.appendChild(item);
      });
      document.getElementById('chatBotOk').addEventListener('click', function () {
        dialogRef.close();
      });
    });
  }

  PEX.pluginAPI.registerPlugin({
    id: 'chat-bot-plugin-1.0',
    load: load,
    unload: unload,
    showMessages: showMessages,
    state$: state$
  });
})();
