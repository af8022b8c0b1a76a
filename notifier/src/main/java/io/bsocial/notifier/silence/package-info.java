/**
 * Blocks and mutes as the notifier keeps them ({@code notifier_silences}), and the one rule both
 * the stored notifications and the live feed apply: nobody hears from someone they muted or are in
 * a block with.
 */
package io.bsocial.notifier.silence;
