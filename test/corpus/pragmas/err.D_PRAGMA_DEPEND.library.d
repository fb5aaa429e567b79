#pragma D depends_on library zones.d

BEGIN
{
	exit(0);
}
