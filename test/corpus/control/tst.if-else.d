#pragma D option quiet
BEGIN
{
	x = 2;
	if (x > 1) {
		printf("big\n");
	} else {
		printf("small\n");
	}
	if (x > 5) {
		printf("huge\n");
	} else {
		printf("not huge\n");
	}
	exit(0);
}
