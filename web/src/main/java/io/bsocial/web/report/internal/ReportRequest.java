package io.bsocial.web.report.internal;

/** {@code POST /api/reports}: exactly one of postId, commentId, username, and a reason. */
record ReportRequest(Long postId, Long commentId, String username, String reason) {
}
