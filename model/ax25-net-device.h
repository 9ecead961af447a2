/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef AX25_NET_DEVICE_H
#define AX25_NET_DEVICE_H

#include "bsd-framed-net-device.h"

#include "ns3/address.h"
#include "ns3/callback.h"
#include "ns3/event-id.h"
#include "ns3/net-device.h"
#include "ns3/node.h"
#include "ns3/nstime.h"
#include "ns3/packet.h"
#include "ns3/ptr.h"
#include "ns3/queue.h"
#include "ns3/random-variable-stream.h"
#include "ns3/traced-callback.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace ns3
{

class Ax25Channel;

/**
 * \ingroup bsdnet
 * \brief An AX.25 packet radio station: a KISS TNC and its radio.
 *
 * Frames are AX.25 UI frames as the C core (bsd_media_ax25) builds them,
 * laid out as pcap's LINKTYPE_AX25 (3): address field, control, PID and
 * information, with no flags, bit stuffing or FCS.  The link address is
 * 7 octets in the core's canonical form: six callsign characters shifted
 * left one bit, then the SSID octet 0x60 | ssid << 1.  "QST-0" is the
 * broadcast address.
 *
 * The medium access is the p-persistent CSMA of a KISS TNC: a station
 * with a frame waits until it hears no carrier, then at each slot draws
 * U(0,1) and keys up if U < Persistence, else waits SlotTime and senses
 * again.  Keying up sends TxDelay of flags, then the frame plus
 * FRAME_OVERHEAD octets (opening flag, FCS, closing flag); bit stuffing
 * is ignored.  The radio is half duplex: while it transmits it receives
 * nothing, and overlapping transmissions destroy each other at every
 * receiver that hears both (see Ax25Channel).
 */
class Ax25NetDevice : public BsdFramedNetDevice
{
  public:
    /**
     * Octets sent around each frame besides the frame itself: the
     * opening HDLC flag, the 16-bit FCS and the closing flag.  The
     * flags sent during TxDelay are accounted for by TxDelay; bit
     * stuffing is not modelled.
     */
    static constexpr uint32_t FRAME_OVERHEAD = 4;

    /// The largest frame SendFrame accepts: 10 addresses, control, PID, 256 octets.
    static constexpr uint32_t MAX_FRAME = 10 * 7 + 2 + 256;

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /**
     * \brief The ns3::Address type of AX.25 addresses (7 octets).
     * \return the type registered with Address::Register()
     */
    static uint8_t GetAddressType();

    /**
     * \brief Parse a callsign ("N0CALL-7") with the C core's md_aton.
     * \param text 1 to 6 letters or digits, then optionally -0 to -15
     * \param addr receives 7 octets in canonical form (untouched on failure)
     * \return true if text is a valid callsign
     */
    static bool ParseCallsign(const std::string& text, uint8_t* addr);

    /**
     * \brief Format a 7-octet address as text with the C core's md_ntoa.
     * \param addr 7 octets
     * \return the callsign, with "-SSID" unless the SSID is 0
     */
    static std::string FormatCallsign(const uint8_t* addr);

    /**
     * \brief An ns3::Address for a callsign (fatal error if invalid).
     * \param callsign e.g. "N0CALL-7" or "QST"
     * \return the address, of type GetAddressType()
     */
    static Address MakeAddress(const std::string& callsign);

    /**
     * \brief Format an ns3::Address of 7 octets as a callsign.
     * \param address the address
     * \return the callsign, or "" if address is not 7 octets long
     */
    static std::string AddressToCallsign(const Address& address);

    Ax25NetDevice();
    ~Ax25NetDevice() override;

    // Delete copy constructor and assignment operator to avoid misuse
    Ax25NetDevice(const Ax25NetDevice&) = delete;
    Ax25NetDevice& operator=(const Ax25NetDevice&) = delete;

    /**
     * \brief Attach the device to a channel.
     * \param channel the channel
     * \return true on success
     */
    bool Attach(Ptr<Ax25Channel> channel);

    /**
     * \brief Set the station's callsign (fatal error if invalid).
     * \param callsign e.g. "N0CALL-7"
     */
    void SetCallsign(std::string callsign);

    /**
     * \brief Get the station's callsign.
     * \return the callsign as md_ntoa writes it
     */
    std::string GetCallsign() const;

    /**
     * \brief Air time of one transmission of a frame: TxDelay plus
     * (frameOctets + FRAME_OVERHEAD) * 8 / DataRate of the channel.
     * \param frameOctets octets in the frame (as SendFrame gets it)
     * \return the time from key-up to the end of the frame
     */
    Time GetTransmissionTime(uint32_t frameOctets) const;

    /**
     * \brief Whether the station hears a carrier now.
     * \return true if another station's transmission is being heard
     */
    bool IsCarrierSensed() const;

    /**
     * \brief Whether the station is keyed up now.
     * \return true during TxDelay and the frame
     */
    bool IsTransmitting() const;

    /**
     * \brief Use fixed random variable streams.
     * \param stream first stream index
     * \return the number of streams used (1)
     */
    int64_t AssignStreams(int64_t stream);

    /**
     * \brief Called by the channel: a transmission starts to be heard here.
     * \param txId the channel's number for the transmission
     * \param frame the frame being sent
     * \param end when the transmission stops being heard here
     */
    void CarrierStart(uint64_t txId, Ptr<Packet> frame, Time end);

    /**
     * \brief Called by the channel: a transmission stops being heard here;
     * the frame is received unless it was corrupted.
     * \param txId the channel's number for the transmission
     */
    void CarrierEnd(uint64_t txId);

    // BsdFramedNetDevice
    bool SendFrame(Ptr<Packet> frame) override;
    const struct bsd_media* GetMedia() const override;
    void GetLinkAddress(uint8_t* buf) const override;
    Address MakeLinkAddress(const uint8_t* ll) const override;

    // NetDevice
    Ptr<Channel> GetChannel() const override;
    bool SetMtu(const uint16_t mtu) override;
    uint16_t GetMtu() const override;
    void SetAddress(Address address) override;
    Address GetAddress() const override;
    Address GetBroadcast() const override;
    bool IsMulticast() const override;
    Address GetMulticast(Ipv4Address multicastGroup) const override;
    Address GetMulticast(Ipv6Address addr) const override;
    bool Send(Ptr<Packet> packet, const Address& dest, uint16_t protocolNumber) override;
    bool SendFrom(Ptr<Packet> packet,
                  const Address& source,
                  const Address& dest,
                  uint16_t protocolNumber) override;
    bool SupportsSendFrom() const override;

  protected:
    void DoDispose() override;

  private:
    /// Where the transmitter is.
    enum TxState
    {
        READY,       //!< nothing in hand
        DEFERRING,   //!< a frame in hand, waiting for the carrier to drop
        BACKOFF,     //!< a frame in hand, waiting one SlotTime
        TRANSMITTING //!< keyed up
    };

    /// A transmission being heard.
    struct Reception
    {
        Ptr<Packet> frame; //!< the frame
        Time end;          //!< when it stops being heard
        bool corrupt;      //!< overlapped another, or we transmitted meanwhile
    };

    /**
     * \brief Frame a payload with md_output and queue it.
     * \param packet the payload
     * \param src 7 octets
     * \param dest the destination (7 octets)
     * \param protocolNumber 0x0800 or 0x0806
     * \return false if not sent
     */
    bool FrameAndSend(Ptr<Packet> packet,
                      const uint8_t* src,
                      const Address& dest,
                      uint16_t protocolNumber);

    /**
     * \brief md_output's emit function.
     * \param arg this Send's state
     * \param frame the frame
     * \param len its length
     */
    static void EmitFrame(void* arg, const uint8_t* frame, size_t len);

    /// Take the next frame from the queue and contend for the channel.
    void StartContention();
    /// One persistence decision: sense, draw, key up or wait.
    void Attempt();
    /// Key up and send m_currentFrame.
    void TransmitStart();
    /// The transmission is over.
    void TransmitComplete();
    /**
     * \brief A frame heard intact: filter and deliver.
     * \param frame the frame
     */
    void ReceiveFrame(Ptr<Packet> frame);

    Ptr<Ax25Channel> m_channel;                 //!< the channel
    Ptr<UniformRandomVariable> m_rng;           //!< persistence draws
    uint16_t m_mtu;                             //!< IP MTU
    uint8_t m_address[7];                       //!< our canonical address
    double m_persistence;                       //!< p
    Time m_slotTime;                            //!< SlotTime
    Time m_txDelay;                             //!< TxDelay
    TxState m_txState;                          //!< transmitter state
    Ptr<Packet> m_currentFrame;                 //!< frame in hand
    EventId m_backoffEvent;                     //!< next slot
    EventId m_txEndEvent;                       //!< end of transmission
    uint32_t m_carriers;                        //!< transmissions heard now
    std::map<uint64_t, Reception> m_receptions; //!< by channel tx number

    TracedCallback<Ptr<const Packet>> m_macTxBackoffTrace; //!< deferred a slot/carrier
    TracedCallback<Ptr<const Packet>> m_phyRxBeginTrace;   //!< carrier heard
};

} // namespace ns3

#endif /* AX25_NET_DEVICE_H */
