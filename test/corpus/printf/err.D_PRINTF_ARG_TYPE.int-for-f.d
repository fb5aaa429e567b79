/* The floating conversions take no integer, as dtrace's pfcheck_fp decides. */
BEGIN
{
	printf("%f\n", 3);
}
