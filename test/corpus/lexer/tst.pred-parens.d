#pragma D option quiet
BEGIN
/(1 + 2) * 2 == 6 && (4 / (1 + 1)) == 2/
{
	printf("parenthesised predicate\n");
	exit(0);
}
