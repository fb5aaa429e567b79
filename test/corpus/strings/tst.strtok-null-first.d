/*
 * strtok(NULL, …) before any string was given, or once the last token was taken, has nothing to
 * read: the read is an invalid kernel access, which the ERROR probe sees. An empty string is a
 * string: it has no token, and no fault.
 */
#pragma D option quiet

BEGIN
{
	trace(strtok(NULL, ","));
}

BEGIN
{
	printf("[%s]\n", strtok("a,b", ","));
	printf("[%s]\n", strtok(NULL, ","));
	printf("[%s]\n", strtok(NULL, ","));
	printf("[%s]\n", strtok("", ","));
}

BEGIN
{
	trace(strtok(NULL, ","));
}

ERROR
{
	printf("fault %d\n", arg4);
}

BEGIN
{
	exit(0);
}
