/**
 * Budgets: every write and every account action has one, so that one account or one address
 * cannot flood the network (docs/security.md, "Budgets"). {@link io.bsocial.web.budget.Budgets} is
 * what the features call where the action happens, inside the transaction of the write it pays
 * for; past a budget it throws {@link io.bsocial.web.budget.BudgetExceededException} (429). The
 * per-request budget of every authenticated {@code /api} call is a filter of this module. Budgets
 * live in the database (Bucket4j's token buckets, {@code internal.DatabaseBuckets}), the per-request
 * one in memory.
 */
package io.bsocial.web.budget;
