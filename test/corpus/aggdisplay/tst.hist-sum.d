/* agghist: sums drawn as a histogram; setopt() takes effect between two printa()s. */
#pragma D option quiet
#pragma D option agghist
BEGIN
{
	@s["north"] = sum(30);
	@s["south"] = sum(10);
	@s["east"] = sum(-20);
	printa(@s);
	setopt("aggzoom");
	printa(@s);
	setopt("agghist", "off");
	printa(@s);
	exit(0);
}
