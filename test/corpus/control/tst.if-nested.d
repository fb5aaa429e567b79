#pragma D option quiet
BEGIN
{
	a = 1;
	b = 0;
	if (a) {
		if (b) {
			printf("a and b\n");
		} else {
			printf("a only\n");
		}
	}
	exit(0);
}
