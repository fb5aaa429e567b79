#pragma D option quiet
BEGIN
{
	x = 1;
	if (x)
		printf("yes\n");
	if (!x)
		printf("no\n");
	exit(0);
}
