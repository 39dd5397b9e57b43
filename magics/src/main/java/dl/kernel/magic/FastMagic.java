package dl.kernel.magic;

import dl.Course;
import dl.kernel.CellError;

/** {@code %fast}: prints whether fast mode (COURSE_FAST=1) is on, and the seed. */
final class FastMagic implements LineMagic {

    @Override
    public String name() {
        return "fast";
    }

    @Override
    public String usage() {
        return "%fast";
    }

    @Override
    public String help() {
        return "print whether fast mode (COURSE_FAST=1: small data, few epochs) is on, and the seed";
    }

    @Override
    public void run(String args, MagicContext ctx) throws CellError {
        if (!args.isBlank()) {
            throw CellError.usage("fast: %fast only reports the mode; set COURSE_FAST=1 before starting Jupyter to turn it on");
        }
        System.out.println(Course.describe());
    }
}
