// Colour mode (Bootstrap 5.3's data-bs-theme): the system's setting unless the person chose one on
// this device (localStorage "bsocial-theme": "light" or "dark"). Loaded in <head> without defer, so
// the first paint already has the right colours; the menu's buttons are wired once the page is in.
(function () {
  'use strict';
  var KEY = 'bsocial-theme';
  var dark = window.matchMedia('(prefers-color-scheme: dark)');

  function stored() {
    try {
      var value = localStorage.getItem(KEY);
      return value === 'light' || value === 'dark' ? value : 'auto';
    } catch (e) {
      return 'auto'; // storage refused (private mode, policy): follow the system
    }
  }

  function apply(choice) {
    var mode = choice === 'auto' ? (dark.matches ? 'dark' : 'light') : choice;
    document.documentElement.setAttribute('data-bs-theme', mode);
    document.querySelectorAll('[data-theme-choice]').forEach(function (button) {
      button.setAttribute('aria-pressed', String(button.getAttribute('data-theme-choice') === choice));
    });
  }

  function choose(choice) {
    try {
      if (choice === 'auto') {
        localStorage.removeItem(KEY);
      } else {
        localStorage.setItem(KEY, choice);
      }
    } catch (e) {
      // not remembered; still applied to this page
    }
    apply(choice);
  }

  apply(stored());
  dark.addEventListener('change', function () { apply(stored()); });
  window.addEventListener('storage', function (event) {
    if (event.key === KEY) { apply(stored()); } // chosen in another tab
  });
  document.addEventListener('DOMContentLoaded', function () {
    apply(stored());
    document.querySelectorAll('[data-theme-choice]').forEach(function (button) {
      button.addEventListener('click', function () { choose(button.getAttribute('data-theme-choice')); });
    });
  });
})();
