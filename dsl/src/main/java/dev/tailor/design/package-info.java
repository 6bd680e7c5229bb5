/**
 * Randomization, nothing estimated: the arms of an experiment ({@link dev.tailor.design.Arms}), how units are
 * split over them ({@link dev.tailor.design.Allocation}), the design as an immutable spec
 * ({@link dev.tailor.design.Design}), its application to a table of units ({@link dev.tailor.design.Assignment})
 * and the check that randomization balanced the covariates ({@link dev.tailor.design.BalanceTable}).
 */
package dev.tailor.design;
