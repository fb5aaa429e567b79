/*
 * Bucket counts are 64-bit integers: exact past 2^53, and wrapping past INT64_MAX as dtrace's
 * do (a count can turn negative, and its bar then grows to the left of the axis).
 */
#pragma D option quiet

BEGIN
{
	@big = quantize(4, 9007199254740993);
	@big = quantize(4, 2);
	@wrap = quantize(1, 9223372036854775807);
	@wrap = quantize(1);
	@wrap = quantize(2, 5);
	exit(0);
}
