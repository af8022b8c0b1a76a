/**
 * Blocks and mutes (issue 26): the calls that make and lift them, the lists, and the rules every
 * other module applies through {@link io.bsocial.web.block.Blocks}: who is silenced for whom, as
 * SQL (the visibility rule in {@code post}, comment lists, suggestions) and as sets (mentions).
 * A block ends the follows between the two: {@code follow} hears {@code UserBlocked} and unfollows
 * both ways in the block's transaction, under the pair's lock that a follow takes too.
 */
package io.bsocial.web.block;
