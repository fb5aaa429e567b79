#pragma D option quiet
BEGIN
{
	x = 7;
	if (x < 5) {
		printf("small\n");
	} else if (x < 10) {
		printf("medium\n");
	} else {
		printf("large\n");
	}
	exit(0);
}
