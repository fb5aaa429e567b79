/* Pointer arithmetic scales by the size of what the pointer points to. */
#pragma D option quiet

int nums[4];
int *p;

BEGIN
{
	nums[0] = 10;
	nums[1] = 20;
	nums[2] = 30;
	nums[3] = 40;
	p = &nums[1];
	printf("%d %d %d %d\n", *p, *(p + 1), p[2], *(p - 1));
	*(p + 1) = 33;
	printf("%d %d\n", nums[2], (p + 2) - p);
	exit(0);
}
