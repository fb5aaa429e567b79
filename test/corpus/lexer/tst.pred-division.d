#pragma D option quiet
BEGIN
/10 / 2 == 5/
{
	printf("division inside a predicate\n");
	exit(0);
}
