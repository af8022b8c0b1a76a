package io.bsocial.web.account.internal;

/** Registration input that passed validation, with surrounding white space stripped. */
record NewAccount(String firstName, String lastName, String username, String email) {
}
