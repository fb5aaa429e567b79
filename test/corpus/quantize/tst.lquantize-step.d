#pragma D option quiet
BEGIN
{
	@ = lquantize(15, 0, 100, 10);
	@ = lquantize(25, 0, 100, 10);
	@ = lquantize(25, 0, 100, 10);
	@ = lquantize(95, 0, 100, 10);
	exit(0);
}
