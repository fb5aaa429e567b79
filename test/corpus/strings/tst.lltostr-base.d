#pragma D option quiet

BEGIN
{
	printf("%s %s %s\n", lltostr(-1, 16), lltostr(0, 16), lltostr(8, 8));
	printf("%s %s %s\n", lltostr(-10, 2), lltostr(35, 36), lltostr(0, 8));
}

BEGIN
{
	printf("%s\n", lltostr(5, 37));
}

BEGIN
{
	exit(0);
}

ERROR
{
	printf("fault\n");
}
