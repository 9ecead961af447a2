/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef BSD_APP_HELPER_H
#define BSD_APP_HELPER_H

#include "ns3/application-container.h"
#include "ns3/attribute.h"
#include "ns3/node-container.h"
#include "ns3/nstime.h"
#include "ns3/object-factory.h"
#include "ns3/output-stream-wrapper.h"
#include "ns3/ptr.h"

#include <ostream>
#include <string>

namespace ns3
{

class BsdPing;

/**
 * \ingroup bsdnet
 * \brief Installs one of bsdnet's applications (BsdUdpSource, BsdUdpSink,
 * BsdPing, BsdIcmpForger, BsdArpScanner) on nodes with a BsdKernel, in
 * the manner of ns-3's application helpers.
 *
 * \code
 *   BsdAppHelper ping("ns3::BsdPing");
 *   ping.SetAttribute("Remote", Ipv4AddressValue("10.1.1.2"));
 *   ping.SetAttribute("Count", UintegerValue(5));
 *   ApplicationContainer apps = ping.Install(nodes.Get(0));
 *   apps.Start(Seconds(1));
 * \endcode
 *
 * Attribute values are checked when the applications are made: an
 * unknown name, or a bad value for a string attribute (Order, Mode), is
 * a fatal error naming the attribute and what it allows.
 */
class BsdAppHelper
{
  public:
    /**
     * \brief Make applications of one type.
     * \param typeName the TypeId name, e.g. "ns3::BsdPing"; it must be an
     *        ns3::Application
     */
    explicit BsdAppHelper(const std::string& typeName);

    /**
     * \brief Set an attribute of the applications made from now on.
     * \param name the attribute name
     * \param value its value
     */
    void SetAttribute(const std::string& name, const AttributeValue& value);

    /**
     * \brief Install one application on each node.
     * \param nodes the nodes
     * \return the applications
     */
    ApplicationContainer Install(NodeContainer nodes) const;

    /**
     * \brief Install one application on a node.
     * \param node the node
     * \return the application
     */
    ApplicationContainer Install(Ptr<Node> node) const;

    /**
     * \brief Install one application on a node given by name (Names).
     * \param nodeName the node's name
     * \return the application
     */
    ApplicationContainer Install(const std::string& nodeName) const;

    /**
     * \brief Fix the random streams of the BsdUdpSource applications in
     * a container.
     * \param apps the applications (others are skipped)
     * \param stream first stream index
     * \return the number of streams assigned
     */
    static int64_t AssignStreams(ApplicationContainer apps, int64_t stream);

    /**
     * \brief Print a BsdPing's statistics as ping(8) does when it ends:
     * \verbatim
       --- 10.1.1.2 ping statistics ---
       5 packets transmitted, 5 packets received, 0.0% packet loss
       round-trip min/avg/max/stddev = 0.204/0.210/0.231/0.010 ms
       \endverbatim
     * (the last line only if a reply came).
     * \param ping the application
     * \param os where
     */
    static void PrintPingStatistics(Ptr<BsdPing> ping, std::ostream& os);

    /**
     * \brief Print a BsdPing's statistics at a time of the simulation.
     * \param when simulation time
     * \param ping the application
     * \param stream where
     */
    static void PrintPingStatisticsAt(Time when,
                                      Ptr<BsdPing> ping,
                                      Ptr<OutputStreamWrapper> stream);

  private:
    /**
     * \brief Make an application and add it to a node.
     * \param node the node
     * \return the application
     */
    Ptr<Application> InstallPriv(Ptr<Node> node) const;

    ObjectFactory m_factory; //!< makes the applications
};

} // namespace ns3

#endif /* BSD_APP_HELPER_H */
