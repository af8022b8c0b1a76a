package io.bsocial.web.account;

/** Registration input that passed validation, with names and e-mail trimmed. */
record NewAccount(String firstName, String lastName, String username, String email) {
}
