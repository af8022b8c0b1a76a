// The report dialog (report/dialog.html): the item or profile it was opened from says what is
// reported (postId, commentId or username); each opening starts with an empty reason and no answer.
(function () {
  'use strict';

  const dialog = document.getElementById('report-dialog');
  if (!dialog) {
    return;
  }
  const target = document.getElementById('report-target');
  const reason = document.getElementById('report-reason');
  const result = document.getElementById('report-result');
  const send = document.getElementById('report-send');
  const titles = { post: 'Report this post', comment: 'Report this comment', user: 'Report this account' };

  dialog.addEventListener('show.bs.modal', function (event) {
    const opener = event.relatedTarget;
    if (!opener) {
      return;
    }
    target.name = opener.dataset.reportField;
    target.value = opener.dataset.reportValue;
    document.getElementById('report-dialog-title').textContent = titles[opener.dataset.reportWhat] || titles.post;
    reason.value = '';
    result.replaceChildren();
    dialog.querySelectorAll('.request-problem').forEach(function (alert) { alert.remove(); });
    send.hidden = false;
  });

  dialog.addEventListener('shown.bs.modal', function () {
    reason.focus();
  });

  // Sent: the thanks stays in view, the form cannot send the same report again.
  document.body.addEventListener('htmx:afterSwap', function (event) {
    if (event.detail.target === result && document.getElementById('report-sent')) {
      send.hidden = true;
      document.getElementById('report-cancel').focus();
    }
  });
})();
