// Editing and deleting one's own posts and comments. Loaded as a static file (the CSP allows no
// inline script). The edit forms are plain htmx forms: app.js says their failures next to them.
(function () {
  'use strict';

  // --- Delete, once confirmed ---------------------------------------------------------------------
  // The menu's Delete opens #delete-dialog (a Bootstrap modal); the item it came from names what to
  // delete. Confirming sends the DELETE through htmx from the dialog's form, so that a refusal, a 5xx,
  // no network or an expired session are handled like every other form's.
  const dialog = document.getElementById('delete-dialog');
  if (dialog) {
    const form = document.getElementById('delete-form');
    const confirm = document.getElementById('delete-confirm');
    const texts = {
      post: ['Delete this post?', 'It will be gone for everyone, with its comments. This cannot be undone.'],
      comment: ['Delete this comment?', 'It will be gone for everyone. This cannot be undone.']
    };
    let pending = null;
    let opener = null;

    dialog.addEventListener('show.bs.modal', function (event) {
      const item = event.relatedTarget;
      pending = item ? { url: item.dataset.deleteUrl, target: item.dataset.deleteTarget } : null;
      const menu = item && item.closest('.item-menu');
      opener = menu ? menu.querySelector('.item-menu-toggle') : null;
      const text = texts[item && item.dataset.deleteWhat] || texts.post;
      document.getElementById('delete-dialog-title').textContent = text[0];
      document.getElementById('delete-dialog-text').textContent = text[1];
      form.querySelectorAll('.request-problem').forEach(function (alert) { alert.remove(); });
      confirm.disabled = false;
    });

    // The safe choice first: Enter on an opened dialog cancels, a deliberate Tab reaches Delete.
    dialog.addEventListener('shown.bs.modal', function () {
      document.getElementById('delete-cancel').focus();
    });

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      if (!pending || !document.querySelector(pending.target)) {
        return;
      }
      confirm.disabled = true;
      htmx.ajax('DELETE', pending.url, { source: form, target: pending.target, swap: 'outerHTML' });
    });

    form.addEventListener('htmx:afterRequest', function (event) {
      confirm.disabled = false;
      if (event.detail.successful) {
        pending = null;
        bootstrap.Modal.getOrCreateInstance(dialog).hide();
      }
    });

    // Back to the item's menu button; when the item is gone, to the content, not the page's top.
    dialog.addEventListener('hidden.bs.modal', function () {
      if (opener && document.contains(opener)) {
        opener.focus();
      } else if (!document.activeElement || document.activeElement === document.body) {
        document.getElementById('content').focus();
      }
    });
  }

  // --- While editing ------------------------------------------------------------------------------
  // The editor opens with the caret after the text (to add to it, the usual edit); Escape cancels
  // it, as its Cancel button does.
  document.body.addEventListener('htmx:afterSettle', function () {
    document.querySelectorAll('.edit-form .edit-content:not([data-opened])').forEach(function (box) {
      box.setAttribute('data-opened', '');
      box.focus();
      box.setSelectionRange(box.value.length, box.value.length);
    });
  });

  document.addEventListener('keydown', function (event) {
    const box = event.target;
    if (event.key === 'Escape' && box instanceof HTMLTextAreaElement && box.matches('.edit-content')) {
      const cancel = box.form && box.form.querySelector('.edit-cancel');
      if (cancel && !cancel.disabled) {
        event.preventDefault();
        box.value = box.defaultValue; // cancelled: nothing unsent is left to warn about
        htmx.trigger(cancel, 'click');
      }
    }
  });

  // --- After Save or Cancel -----------------------------------------------------------------------
  // The form is replaced by the item: give the keyboard back to the item's menu.
  document.body.addEventListener('htmx:afterSettle', function (event) {
    const source = event.detail.requestConfig && event.detail.requestConfig.elt;
    const item = event.target;
    if (source && source.closest && source.closest('.edit-form') && item.matches && item.matches('.post, .comment')) {
      const toggle = item.querySelector('.item-menu-toggle');
      if (toggle) {
        toggle.focus();
      }
    }
  });

  // --- Back from logging in again -------------------------------------------------------------------
  // The session expired while editing: app.js kept the text as a draft of the edit box and htmx went
  // to the login page. Back here, open that item's editor again and put the text back in it.
  const DRAFT = 'bsocial:draft:' + window.location.pathname + '#';
  let drafts = [];
  try {
    drafts = Object.keys(window.sessionStorage).filter(function (key) {
      return key.indexOf(DRAFT) === 0 && /-edit-content-\d+$/.test(key);
    });
  } catch (unavailable) { /* no storage, no drafts */ }

  // After htmx has set the page up (its own DOMContentLoaded handler was registered first).
  function reopenEditors() {
    drafts.forEach(function (key) {
      const boxId = key.substring(DRAFT.length);
      const edit = document.querySelector('.edit-item[data-edit-box="' + CSS.escape(boxId) + '"]');
      if (!edit) {
        return;
      }
      const text = window.sessionStorage.getItem(key);
      window.sessionStorage.removeItem(key);
      document.body.addEventListener('htmx:afterSettle', function fill() {
        const box = document.getElementById(boxId);
        if (box) {
          document.body.removeEventListener('htmx:afterSettle', fill);
          box.value = text;
          box.dispatchEvent(new Event('input', { bubbles: true }));
          box.focus();
        }
      });
      htmx.process(edit);
      htmx.trigger(edit, 'click');
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', reopenEditors);
  } else {
    reopenEditors();
  }
})();
