/*
 * The draft of an anonymous consultation is kept by this browser only, never by the server (a draft on the server
 * would name the person beside the answers). AnswerForm checks the answers and hands them back as JSON; this keeps
 * them in localStorage under a key per consultation and user, offers them back on the next visit, and forgets them
 * once the answers are sent. The page says what to do in data attributes (data-draft-restore, data-draft-forget): the
 * Content-Security-Policy runs no inline script.
 */
var agoraDraft = {
    store: function (key, args) {
        if (args && args.draft) {
            try {
                window.localStorage.setItem(key, args.draft);
            } catch (e) {
                // storage refused (private mode, full): the draft stays in the open page only
            }
        }
    },
    restore: function (key, fieldId, command) {
        var draft = null;
        try {
            draft = window.localStorage.getItem(key);
        } catch (e) {
            return;
        }
        var field = document.getElementById(fieldId);
        if (draft && field && typeof window[command] === 'function') {
            field.value = draft;
            window[command]();
        }
    },
    forget: function (key) {
        try {
            window.localStorage.removeItem(key);
        } catch (e) {
            // nothing kept
        }
    }
};

(function () {
    function run() {
        document.querySelectorAll('[data-draft-forget]').forEach(function (element) {
            agoraDraft.forget(element.getAttribute('data-draft-forget'));
        });
        document.querySelectorAll('[data-draft-restore]').forEach(function (element) {
            agoraDraft.restore(element.getAttribute('data-draft-restore'), element.getAttribute('data-draft-field'),
                element.getAttribute('data-draft-command'));
        });
    }
    // once the page is ready and its PrimeFaces scripts have run (the remote command that takes a restored draft is
    // defined in a jQuery ready handler of its own, earlier in the page)
    if (window.jQuery) {
        window.jQuery(run);
    } else if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', run);
    } else {
        run();
    }
}());
