/* aggpack with lquantize(): the whole range always, negative counts drawn with v/V. */
#pragma D option quiet
#pragma D option aggpack
#pragma D option encoding=ascii
BEGIN
{
	@q[1] = lquantize(0, 0, 8, 2);
	@q[1] = lquantize(5, 0, 8, 2, 3);
	@q[2] = lquantize(-1, 0, 8, 2, -2);
	@q[2] = lquantize(9, 0, 8, 2);
	exit(0);
}
