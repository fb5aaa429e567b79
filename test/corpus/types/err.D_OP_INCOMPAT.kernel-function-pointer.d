/* An illumos kernel function-pointer type takes no string, even in an inline. */
inline cyc_func_t handler = "not a function";

BEGIN
{
	exit(0);
}
