/*
 * A clause's actions are checked before its predicate, so a predicate may read a variable that
 * only its own actions create; and one that names a variable nothing has created yet is checked
 * first, after which the actions are.
 */
#pragma D option quiet

BEGIN
/k++ == 0/
{
	printf("k %d\n", k);
}

tick-1ms
/n < 3/
{
	n++;
	@total = sum(n);
}

tick-1ms
/n == 3/
{
	printa("%@d\n", @total);
	exit(0);
}
