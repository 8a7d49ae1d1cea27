/** Prints the built-in routing policy as its JSON document, with the queue cap given (bench/failover/run.sh). */
public class PolicyDocument {
    public static void main(String[] args) {
        System.out.println(dev.handoff.routing.control.RoutingPolicyJson.write(
                dev.handoff.routing.control.RoutingPolicy.defaults().withQueueCap(Integer.parseInt(args[0]))));
    }
}
