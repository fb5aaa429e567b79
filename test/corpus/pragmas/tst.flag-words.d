/* Flags take dtrace's setting words in any case, or a number (any number sets them). */
#pragma D option flowindent=ON
#pragma D option flowindent=Disabled
#pragma D option aggsortrev=0
#pragma D option quiet=yes
BEGIN
{
	@n["a"] = count();
	@n["b"] = count();
	@n["b"] = count();
	exit(0);
}
