#pragma D option quiet
BEGIN
{
	_x1 = 5;
	X_y2 = 6;
	__ = 7;
	printf("%d %d %d\n", _x1, X_y2, __);
	exit(0);
}
