/*
 * A script holding only comments and a pragma has no program in it: dtrace refuses it
 * rather than tracing nothing.
 */
#pragma D option quiet
