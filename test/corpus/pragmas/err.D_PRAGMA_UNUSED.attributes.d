#pragma D attributes Evolving/Evolving/Common limit_never_defined

BEGIN
{
	exit(0);
}
