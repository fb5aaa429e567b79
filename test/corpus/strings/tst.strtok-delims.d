#pragma D option quiet
BEGIN
{
	printf("[%s]", strtok("  one; two", " ;"));
	printf(" [%s]\n", strtok(NULL, " ;"));
	exit(0);
}
