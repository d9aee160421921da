package dev.shipctl.sandbox;

import dev.shipctl.protocol.Hex;
import dev.shipctl.protocol.Packet;
import dev.shipctl.protocol.Packets;
import dev.shipctl.protocol.ProtocolException;
import dev.shipctl.protocol.cipher.BbCipher;
import dev.shipctl.protocol.frame.Frame;
import dev.shipctl.protocol.packet.character.ClientCharacterSelect;
import dev.shipctl.protocol.packet.character.ClientCreateCharacter;
import dev.shipctl.protocol.packet.character.ServerCharacterAck;
import dev.shipctl.protocol.packet.character.ServerCharacterPreview;
import dev.shipctl.protocol.packet.character.ServerSystemFile;
import dev.shipctl.protocol.packet.login.ClientLogin;
import dev.shipctl.protocol.packet.login.ServerRedirect;
import dev.shipctl.protocol.packet.login.ServerTime;
import dev.shipctl.protocol.Direction;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running sandbox: listeners, connections, the per-second tick, and the login-process handlers (login and
 * character ports). Ship-process handlers live in {@link ShipSide}. Every handler runs under {@link #lock}; sends
 * only queue, so holding it never waits on a client. The one slow step, checking a 0x93's password, runs before the
 * lock is taken ({@link #checkLogin}), in the {@link Authenticator}.
 */
final class Server {
    static final Logger LOG = LoggerFactory.getLogger("dev.shipctl.sandbox");
    static final String TOO_OLD = "Your client executable is too old.\nPlease update your client through the patch server.";
    static final String BAD_LOGIN = "Username or password is incorrect.";
    static final String ACCOUNT_BANNED = "You are banned from this server.";
    static final String SECURITY = "Security violation.";
    static final String SYNC = "Client/Server synchronization error.";
    static final String LOGGED_ON_ELSEWHERE = "This account has just logged on.\n\nYou are now being disconnected.";
    /** The sandbox's own text (Tethealla has no such limit) for an address in a failed-login cooldown. */
    static final String TOO_MANY_FAILURES = "Too many failed logins from your address.\nTry again later.";
    private static final DateTimeFormatter B1_TIME = DateTimeFormatter.ofPattern("yyyy:MM:dd: HH:mm:ss'.000'").withZone(ZoneOffset.UTC);
    private static final long LINGER_MILLIS = 2000;

    final Settings settings;
    final SandboxEvents events = new SandboxEvents();
    final ReentrantLock lock = new ReentrantLock();
    final ShipSide ship;
    final Map<Integer, SecurityRecord> records = new HashMap<>();
    final Map<Integer, StoredCharacter[]> characters = new HashMap<>();
    /** Characters created over the character server, keyed by guild card and slot: what a state file keeps. */
    private final Map<List<Integer>, StateFile.SavedCharacter> created = new LinkedHashMap<>();
    final Map<Long, Connection> connections = new LinkedHashMap<>();
    final Map<Stage, SandboxEffect> failures = new EnumMap<>(Stage.class);
    private final Authenticator authenticator;
    private final FailedLogins failedLogins;
    LocalGms localGms;
    private final AtomicLong ids = new AtomicLong();
    private final List<ServerSocket> listeners = new ArrayList<>();
    private final Map<Role, List<Integer>> ports = new EnumMap<>(Role.class);
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;
    private Thread ticker;

    Server(Settings settings) {
        this.settings = settings;
        this.localGms = settings.localGms();
        this.authenticator = new Authenticator(settings.accounts(), settings.kdf());
        this.failedLogins = new FailedLogins(settings.loginLimit());
        for (Account a : settings.accounts().all()) {
            StoredCharacter[] slots = new StoredCharacter[4];
            slots[0] = StoredCharacter.create(a.guildCard(), a.character(), 0, 0);
            characters.put(a.guildCard(), slots);
        }
        this.ship = new ShipSide(this);
        if (settings.state() != null) {
            settings.state().characters().forEach(this::storeCreated);
            ship.bans.addAll(settings.state().bans());
        }
    }

    private void storeCreated(StateFile.SavedCharacter c) {
        characters.computeIfAbsent(c.guildCard(), gc -> new StoredCharacter[4])[c.slot()] =
                StoredCharacter.create(c.guildCard(), c.name(), c.characterClass(), c.sectionId());
        created.put(List.of(c.guildCard(), c.slot()), c);
    }

    /**
     * Writes bans and created characters to the state file, if there is one (called under {@link #lock} after
     * every change, and at close). A failed write is logged and retried at the next change; serving goes on.
     */
    void persist() {
        if (settings.state() == null) return;
        try {
            StateFile.write(settings.state().path(), List.copyOf(ship.bans), List.copyOf(created.values()));
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot write the state file {}: {}", settings.state().path(), e.toString());
        }
    }

    // ------------------------------------------------------------------ lifecycle

    void start() throws IOException {
        running = true;
        try {
            int login = settings.loginPort();
            bind(Role.LOGIN, 0, login);
            bind(Role.CHARACTER, 0, settings.characterPort());
            int shipPort = settings.shipPort();
            bind(Role.SHIP, 0, shipPort);
            for (int n = 1; n <= settings.blocks(); n++) bind(Role.BLOCK, n, shipPort == 0 ? 0 : shipPort + n);
        } catch (IOException e) {
            close();
            throw e;
        }
        ticker = Thread.ofVirtual().name("sandbox-tick").start(this::tickLoop);
        for (String line : describePorts()) LOG.debug("listening: {}", line);
    }

    private void bind(Role role, int block, int port) throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        try {
            server.bind(new InetSocketAddress(settings.bind(), port), 64);
        } catch (IOException e) {
            server.close();
            throw new IOException("cannot listen on %s:%d for the %s port: %s".formatted(settings.bind().getHostAddress(), port, role.label(), e.getMessage()), e);
        }
        listeners.add(server);
        ports.computeIfAbsent(role, r -> new ArrayList<>()).add(server.getLocalPort());
        Thread t = Thread.ofVirtual().name("sandbox-accept-" + role.label() + (block > 0 ? block : "")).start(() -> acceptLoop(server, role, block));
        synchronized (threads) {
            threads.add(t);
        }
    }

    int port(Role role, int index) {
        return ports.get(role).get(index);
    }

    List<String> describePorts() {
        String host = settings.bind().getHostAddress();
        List<String> out = new ArrayList<>();
        out.add("login      %s:%d  (Tethealla login server; clients start here)".formatted(host, port(Role.LOGIN, 0)));
        out.add("character  %s:%d  (character server)".formatted(host, port(Role.CHARACTER, 0)));
        out.add("ship       %s:%d  (ship \"%s\", block list)".formatted(host, port(Role.SHIP, 0), settings.shipName()));
        for (int n = 1; n <= settings.blocks(); n++) {
            out.add("block %-4d %s:%d  (BLOCK%02d, 15 lobbies)".formatted(n, host, port(Role.BLOCK, n - 1), n));
        }
        return out;
    }

    void close() {
        running = false;
        for (ServerSocket s : listeners) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        List<Connection> all;
        lock.lock();
        try {
            all = new ArrayList<>(connections.values());
        } finally {
            lock.unlock();
        }
        for (Connection c : all) c.drop("sandbox closing");
        authenticator.close();
        if (ticker != null) ticker.interrupt();
        List<Thread> toJoin = new ArrayList<>();
        synchronized (threads) {
            toJoin.addAll(threads);
        }
        if (ticker != null) toJoin.add(ticker);
        lock.lock();
        try {
            persist();
        } finally {
            lock.unlock();
        }
        for (Connection c : all) {
            if (c.readerThread != null) toJoin.add(c.readerThread);
            if (c.writerThread != null) toJoin.add(c.writerThread);
        }
        for (Thread t : toJoin) {
            try {
                if (!t.join(Duration.ofSeconds(5))) LOG.warn("thread {} did not stop within 5 s", t.getName());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    // ------------------------------------------------------------------ connections

    private void acceptLoop(ServerSocket server, Role role, int block) {
        while (running) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                if (running) LOG.warn("accept failed on the {} port: {}", role.label(), e.getMessage());
                return;
            }
            try {
                socket.setTcpNoDelay(true);
                Connection c = new Connection(ids.incrementAndGet(), role, block, socket, settings.clock().instant());
                admit(c);
            } catch (IOException | RuntimeException e) {
                LOG.warn("could not set up a connection on the {} port: {}", role.label(), e.toString());
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // gone already
                }
            }
        }
    }

    private void admit(Connection c) {
        lock.lock();
        try {
            if (!running) {
                c.drop("sandbox closing");
                return;
            }
            if (c.role.shipSide() && ship.dcallActive()) {
                c.drop("refused during /dcall");
                LOG.info("{} refused: /dcall in progress", c.describe());
                return;
            }
            List<Connection> sameIp = connections.values().stream()
                    .filter(o -> !o.closing() && o.role.shipSide() == c.role.shipSide() && o.address().equals(c.address()))
                    .toList();
            int excess = sameIp.size() + 1 - settings.maxConnectionsPerIp();
            for (int i = 0; i < excess; i++) {
                Connection oldest = sameIp.get(i);
                LOG.info("{} closed: more than {} connections from {}", oldest.describe(), settings.maxConnectionsPerIp(), c.address().getHostAddress());
                oldest.drop("more than " + settings.maxConnectionsPerIp() + " connections from this IP");
            }
            connections.put(c.id, c);
        } finally {
            lock.unlock();
        }
        events.publish(new SandboxEvent.Connected(c.id, c.role, c.block, c.remote));
        c.readerThread = Thread.ofVirtual().name("sandbox-read-" + c.id).unstarted(() -> readLoop(c));
        c.writerThread = Thread.ofVirtual().name("sandbox-write-" + c.id).unstarted(() -> c.writeLoop(LINGER_MILLIS));
        c.readerThread.start();
    }

    private void readLoop(Connection c) {
        String reason = null;
        try {
            byte[] serverKey = new byte[48], clientKey = new byte[48];
            for (int i = 0; i < 48; i++) {
                serverKey[i] = (byte) settings.random().nextInt(255);
                clientKey[i] = (byte) settings.random().nextInt(255);
            }
            c.start(TethPackets.init(c.role.shipSide() ? TethPackets.SHIP_BANNER : TethPackets.GATE_BANNER, serverKey, clientKey),
                    BbCipher.fromServerKey(settings.keyTable(), serverKey), BbCipher.fromServerKey(settings.keyTable(), clientKey));
            c.writerThread.start();
            while (true) {
                Frame frame = c.reader.read();
                if (frame == null) {
                    reason = "client closed the connection";
                    break;
                }
                if (c.closing()) continue;
                LoginCheck check = checkLogin(c, frame); // before the lock: it may hash
                lock.lock();
                try {
                    if (!c.closing() && !floodCheck(c, frame)) handle(c, frame, check);
                } finally {
                    lock.unlock();
                }
            }
        } catch (ProtocolException e) {
            reason = "hostile input: " + e.getMessage();
            LOG.info("{} dropped, {}", c.describe(), reason);
        } catch (EOFException e) {
            reason = "client closed in the middle of a packet";
        } catch (SocketException e) {
            reason = c.closeReason != null ? c.closeReason : "connection reset";
        } catch (IOException e) {
            reason = "read failed: " + e.getMessage();
        } catch (InterruptedException e) {
            reason = "interrupted";
        } catch (RuntimeException e) {
            reason = "internal error: " + e;
            LOG.warn("{} dropped after an internal error", c.describe(), e);
        } finally {
            if (c.writerThread != null && !c.writerThread.isAlive() && c.writerThread.getState() == Thread.State.NEW) {
                c.writerThread.start();
            }
            c.readerFinished();
            finish(c, c.closeReason != null ? c.closeReason : reason);
        }
    }

    /** Tethealla's flood limits, per clock second. Returns true (and drops) when exceeded. */
    private boolean floodCheck(Connection c, Frame frame) {
        long second = settings.clock().instant().getEpochSecond();
        if (second != c.floodSecond) {
            c.floodSecond = second;
            c.floodBytes = 0;
            c.floodPackets = 0;
        }
        c.floodBytes += (frame.size() + 7) & ~7;
        c.floodPackets++;
        boolean over = c.role.shipSide() ? c.floodBytes > 30000 : c.floodBytes > 15000 || c.floodPackets > 40;
        if (over) {
            LOG.info("{} dropped for possible DDOS ({} packets, {} bytes this second)", c.describe(), c.floodPackets, c.floodBytes);
            c.drop("flood: over Tethealla's per-second limits");
        }
        return over;
    }

    private void finish(Connection c, String reason) {
        lock.lock();
        try {
            connections.remove(c.id);
            ship.left(c);
        } finally {
            lock.unlock();
        }
        LOG.debug("{} closed: {}", c.describe(), reason);
        events.publish(new SandboxEvent.Disconnected(c.id, c.role, c.guildCard, reason == null ? "closed" : reason));
    }

    /** Sends 1A and closes; for refused logins. */
    void reject(Connection c, Stage stage, String user, String text) {
        c.sendAndClose(TethPackets.messageBox(text), text);
        events.publish(new SandboxEvent.LoginRejected(c.id, stage, user, text));
    }

    /**
     * Applies a test-injected failure at {@code stage}, if any. Returns true when the normal answer must not be
     * sent.
     */
    boolean injectedFailure(Connection c, Stage stage, String user) {
        SandboxEffect effect = failures.get(stage);
        if (effect == null) return false;
        switch (effect) {
            case SandboxEffect.Drop() -> {
                c.drop("failure injected at " + stage);
                events.publish(new SandboxEvent.LoginRejected(c.id, stage, user, "dropped (injected)"));
            }
            case SandboxEffect.NeverAnswer() -> events.publish(new SandboxEvent.LoginRejected(c.id, stage, user, "no answer (injected)"));
            case SandboxEffect.MessageBox(String text) -> reject(c, stage, user, text);
        }
        return true;
    }

    // ------------------------------------------------------------------ dispatch

    private void handle(Connection c, Frame frame, LoginCheck check) throws ProtocolException {
        switch (c.role) {
            case LOGIN -> handleLogin(c, frame, check);
            case CHARACTER -> handleCharacter(c, frame, check);
            case SHIP, BLOCK -> ship.handle(c, frame);
        }
    }

    static Packet decode(Frame frame) throws ProtocolException {
        return Packets.decode(Direction.CLIENT, frame);
    }

    long now() {
        return settings.clock().instant().getEpochSecond();
    }

    Instant instant() {
        return settings.clock().instant();
    }

    byte[] redirect(Role role, int index) {
        return Packets.encode(new ServerRedirect(settings.advertise().getAddress(), port(role, index)));
    }

    /** Checks sub-version 0x41 (byte 0x10) and, if asked, the "TethVer12513" config (strcmp). */
    private static boolean versionOk(Frame frame, ClientLogin login, boolean checkConfig) {
        if ((frame.data()[0x10] & 0xFF) != ClientLogin.SUB_VERSION) return false;
        if (!checkConfig) return true;
        byte[] expected = ClientLogin.VERSION_STRING.getBytes(StandardCharsets.US_ASCII);
        byte[] config = login.clientConfig();
        for (int i = 0; i < expected.length; i++) if (config[i] != expected[i]) return false;
        return config[expected.length] == 0;
    }

    /**
     * What a first 0x93 on the login or character port says about its account: the account when user and password
     * match, else null; {@code refused} when the client's address is in a failed-login cooldown (nothing was checked).
     */
    record LoginCheck(Account account, boolean refused) {}

    /**
     * Checks the user and password of a first 0x93 on the login or character port, with its version right, and
     * counts a failure against the client's address; null for every other frame. Runs on the connection's reader
     * thread <em>without</em> the lock (the hash takes a while; everything it reads is immutable or thread-safe).
     */
    private LoginCheck checkLogin(Connection c, Frame frame) throws ProtocolException, InterruptedException {
        if (c.role.shipSide() || frame.command() != 0x93 || c.sentLogin) return null;
        ClientLogin login = (ClientLogin) decode(frame);
        if (!versionOk(frame, login, c.role == Role.LOGIN)) return null;
        InetAddress from = c.address();
        if (failedLogins.refusing(from, instant())) {
            LOG.debug("{} refused unchecked: {} is in a failed-login cooldown", c.describe(), from.getHostAddress());
            return new LoginCheck(null, true);
        }
        Account account = authenticator.check(from, login.username(), login.password(), () -> !c.closing());
        if (account == null && !c.closing() && failedLogins.failed(from, instant())) {
            FailedLogins.Limit limit = failedLogins.limit();
            LOG.warn("{} failed logins from {} within {}: its logins are refused for {}", limit.failures(), from.getHostAddress(),
                    limit.window(), limit.cooldown());
        }
        return new LoginCheck(account, false);
    }

    private void handleLogin(Connection c, Frame frame, LoginCheck check) throws ProtocolException {
        int command = frame.command();
        if (command == 0x05) {
            c.drop("logout (0x05)");
            return;
        }
        if (command != 0x93 || c.sentLogin) {
            LOG.info("{} dropped: command {} on the login port", c.describe(), Hex.command(command));
            c.drop("command " + Hex.command(command) + " on the login port");
            return;
        }
        c.sentLogin = true;
        ClientLogin login = (ClientLogin) decode(frame);
        if (injectedFailure(c, Stage.LOGIN, login.username())) return;
        if (!versionOk(frame, login, true)) {
            reject(c, Stage.LOGIN, login.username(), TOO_OLD);
            return;
        }
        if (check.refused()) {
            reject(c, Stage.LOGIN, login.username(), TOO_MANY_FAILURES);
            return;
        }
        Account account = check.account();
        if (account == null) {
            LOG.info("{} refused: wrong user name or password for \"{}\"", c.describe(), login.username());
            reject(c, Stage.LOGIN, login.username(), BAD_LOGIN);
            return;
        }
        if (account.banned()) {
            reject(c, Stage.LOGIN, login.username(), ACCOUNT_BANNED);
            return;
        }
        long sixtyfour = settings.random().nextLong();
        SecurityRecord record = new SecurityRecord(account.guildCard(), sixtyfour, account.gm());
        records.put(account.guildCard(), record);
        for (Connection other : new ArrayList<>(connections.values())) {
            if (other != c && other.guildCard == account.guildCard() && !other.closing()) {
                LOG.info("{} kicked: {} logged in again", other.describe(), account.user());
                other.sendAndClose(TethPackets.messageBox(LOGGED_ON_ELSEWHERE), "account logged on again");
            }
        }
        c.account = account;
        c.guildCard = account.guildCard();
        c.record = record;
        c.send(TethPackets.securityData(account.guildCard(), 0, sixtyfour));
        c.send(redirect(Role.CHARACTER, 0));
        LOG.info("{} logged in", c.describe());
        events.publish(new SandboxEvent.LoginAccepted(c.id, Stage.LOGIN, account.user(), account.guildCard()));
    }

    private void handleCharacter(Connection c, Frame frame, LoginCheck check) throws ProtocolException {
        int command = frame.command();
        if (command == 0x93) {
            if (c.sentLogin) {
                c.drop("second 0x93 on one connection");
                return;
            }
            c.sentLogin = true;
            characterLogin(c, frame, (ClientLogin) decode(frame), check);
            return;
        }
        if (command == 0x05) {
            c.drop("logout (0x05)");
            return;
        }
        if (!c.authenticated) return;
        switch (command) {
            case 0xE0 -> {
                if (c.systemFileSent) {
                    c.drop("second E0");
                    return;
                }
                c.systemFileSent = true;
                c.send(Packets.encode(new ServerSystemFile(new byte[ServerSystemFile.SIZE - 8])));
            }
            case 0xE3 -> {
                if (++c.characterRequests > 4) {
                    c.drop("more than 4 character requests");
                    return;
                }
                ClientCharacterSelect select = (ClientCharacterSelect) decode(frame);
                int slot = select.slot();
                if (slot < 0 || slot > 3) {
                    c.drop("character slot " + slot);
                    return;
                }
                StoredCharacter[] slots = characters.computeIfAbsent(c.guildCard, gc -> new StoredCharacter[4]);
                if (!select.select()) {
                    StoredCharacter ch = slots[slot];
                    c.send(ch == null ? Packets.encode(new ServerCharacterAck(slot, ServerCharacterAck.EMPTY))
                            : Packets.encode(new ServerCharacterPreview(ch.preview(slot, c.guildCard))));
                } else if (c.stage == Stage.CHARACTER_DATA) {
                    c.drop("character select on a token-0 connection");
                } else {
                    c.record.slot = slot;
                    c.send(Packets.encode(new ServerCharacterAck(slot, ServerCharacterAck.SELECTED)));
                }
            }
            case 0xE5 -> {
                if (++c.characterRequests > 4 || frame.size() != 0x88 || c.stage == Stage.CHARACTER_DATA) {
                    c.drop("bad character creation");
                    return;
                }
                ClientCreateCharacter create = (ClientCreateCharacter) decode(frame);
                int slot = create.character().slot();
                int cls = create.character().characterClass();
                if (slot < 0 || slot > 3 || cls >= 12) {
                    c.drop("bad character creation (slot " + slot + ", class " + cls + ")");
                    return;
                }
                String name = create.character().name();
                if (name.length() > 9) name = name.substring(0, 9);
                storeCreated(new StateFile.SavedCharacter(c.guildCard, slot, name, cls, create.character().sectionId()));
                persist();
                c.record.slot = slot;
                c.send(Packets.encode(new ServerCharacterAck(slot, ServerCharacterAck.CREATED)));
            }
            case 0x10 -> {
                if (c.record.slot >= 0) c.send(redirect(Role.SHIP, 0));
            }
            default -> { } // Tethealla ignores unknown commands on 12001
        }
    }

    private void characterLogin(Connection c, Frame frame, ClientLogin login, LoginCheck check) {
        if (!versionOk(frame, login, false)) {
            reject(c, Stage.CHARACTER_DATA, login.username(), TOO_OLD);
            return;
        }
        if (check.refused()) {
            reject(c, Stage.CHARACTER_DATA, login.username(), TOO_MANY_FAILURES);
            return;
        }
        Account account = check.account();
        if (account == null) {
            reject(c, Stage.CHARACTER_DATA, login.username(), BAD_LOGIN);
            return;
        }
        SecurityRecord record = records.get(account.guildCard());
        Stage stage = record == null ? Stage.CHARACTER_DATA
                : record.slot >= 0 ? Stage.SHIP_LIST
                : login.securityToken() == 0 ? Stage.CHARACTER_DATA : Stage.CHARACTER_SELECT;
        if (record == null || !record.configMatches(login.clientConfig())
                || (login.securityToken() != 0 && login.securityToken() != record.token)) {
            LOG.info("{} refused: security violation", c.describe());
            reject(c, stage, login.username(), SECURITY);
            return;
        }
        if (record.slot >= 0 && login.phase() != 4) {
            reject(c, stage, login.username(), SYNC);
            return;
        }
        if (injectedFailure(c, stage, login.username())) return;
        if (login.securityToken() == 0 && record.token == 0) {
            int token;
            do {
                token = settings.random().nextInt();
            } while (token == 0);
            record.token = token;
        }
        c.authenticated = true;
        c.account = account;
        c.guildCard = account.guildCard();
        c.record = record;
        c.stage = stage;
        c.send(TethPackets.securityData(account.guildCard(), record.token, record.sixtyfour));
        if (stage == Stage.SHIP_LIST) {
            c.send(Packets.encode(new ServerTime(B1_TIME.format(instant()))));
            c.send(TethPackets.shipList(settings.shipName(), ship.population()));
            c.send(TethPackets.broadcast(settings.welcome()));
        }
        events.publish(new SandboxEvent.LoginAccepted(c.id, stage, account.user(), account.guildCard()));
    }

    // ------------------------------------------------------------------ tick

    private void tickLoop() {
        long nanos = settings.tickInterval().toNanos();
        while (running) {
            try {
                Thread.sleep(Duration.ofNanos(nanos));
            } catch (InterruptedException e) {
                return;
            }
            lock.lock();
            try {
                tick();
            } catch (RuntimeException e) {
                LOG.warn("tick failed", e);
            } finally {
                lock.unlock();
            }
        }
    }

    private void tick() {
        Instant now = instant();
        failedLogins.prune(now);
        for (Connection c : new ArrayList<>(connections.values())) {
            if (c.closing()) continue;
            if (!c.sentLogin && !Duration.between(c.connectedAt, now).minus(settings.loginTimeout()).isNegative()) {
                LOG.info("{} dropped: no login within {}", c.describe(), settings.loginTimeout());
                c.drop("no login within " + settings.loginTimeout());
                continue;
            }
            if (c.role.shipSide()) {
                Duration idle = Duration.between(c.lastClientPing, now);
                if (idle.compareTo(settings.idleTimeout()) >= 0) {
                    LOG.info("{} dropped: no 0x1D for {}", c.describe(), idle);
                    c.drop("idle: no 0x1D for " + idle);
                } else if (idle.compareTo(settings.pingInterval()) >= 0) {
                    c.send(Packets.encode(new dev.shipctl.protocol.packet.keepalive.ServerPing()));
                }
            }
        }
        ship.tick(now);
    }
}
