#pragma D option quiet
/* a comment before the first clause */
BEGIN /* between the description and the body */
{
	/* a comment inside the clause */
	printf("%d\n", 1 /* mid-expression */ + 2);
	exit(0);
}
