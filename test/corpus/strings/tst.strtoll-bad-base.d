#pragma D option quiet

BEGIN
{
	printf("%d\n", strtoll("zz", 36));
}

BEGIN
{
	printf("%d\n", strtoll("10", 1));
}

BEGIN
{
	exit(0);
}

ERROR
{
	printf("fault\n");
}
