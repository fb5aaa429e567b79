#pragma D option quiet
BEGIN
{
	x = 4;
	if (x % 2 == 0) {
		@even = count();
	} else {
		@odd = count();
	}
	exit(0);
}
