/*
 * phase-counts.d: how often each ZSD probe fires.
 *
 * The needed / inprogress / start / end / completed counts of each phase should line up (spec
 * 4.2, I1); wait-for-creator and wait-for-inprogress show how often two threads met on one entry.
 */
#pragma D option quiet

sdt:::zsd-*
{
	@[probename] = count();
}

tick-2s
{
	exit(0);
}
