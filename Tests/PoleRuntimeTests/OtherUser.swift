import Foundation
import Glibc
import Testing

/// Control-socket clients and servers that run as users other than the test's, as a hostile or an
/// unprivileged user would: `setpriv` (util-linux) gives them the uid and gid, and perl (perl-base,
/// on every Debian) speaks to the socket. The tests that use these run as root.
enum OtherUser {
    static let setpriv = "/usr/bin/setpriv"
    static let perl = "/usr/bin/perl"
    static let nobody: UInt32 = 65_534
    /// Debian's `nogroup`, nobody's group.
    static let nogroup: UInt32 = 65_534

    /// Whether this test process can act as other users; records why not when it cannot.
    static func available() -> Bool {
        guard getuid() == 0 else {
            Issue.record("acting as other users needs root (CI runs the tests as root)")
            return false
        }
        guard FileManager.default.isExecutableFile(atPath: setpriv), FileManager.default.isExecutableFile(atPath: perl) else {
            Issue.record("acting as other users needs \(setpriv) (util-linux) and \(perl) (perl-base)")
            return false
        }
        return true
    }

    /// `command` run as `uid` with group `gid` and no supplementary groups.
    static func command(uid: UInt32, gid: UInt32, _ command: [String]) -> (executable: String, arguments: [String]) {
        (setpriv, ["--reuid=\(uid)", "--regid=\(gid)", "--clear-groups"] + command)
    }

    /// A perl client that keeps `count` connections to the socket at `path` for `seconds`.
    /// `trickle`: each sends one byte of a request line it never finishes every `interval` seconds.
    /// `hold`: each sends a whole `status` request every `interval` seconds. A connection the daemon
    /// closes is opened again half a second later, as an attacker would. Prints
    /// `opened N answered N busy N dropped N` when done.
    static let client = #"""
        use strict; use warnings; use IO::Socket::UNIX; use IO::Select; use Time::HiRes qw(time sleep);
        my ($path, $count, $interval, $seconds, $mode) = @ARGV;
        $SIG{PIPE} = 'IGNORE';
        my $line = '{"v":1,"cmd":"status"';
        my (%socket, %sent, %next, %retry, %wasBusy);
        my ($opened, $answered, $busy, $dropped) = (0, 0, 0, 0);
        my $select = IO::Select->new;
        sub connectOne {
            my ($i) = @_;
            my $s = IO::Socket::UNIX->new(Type => SOCK_STREAM, Peer => $path) or do { $retry{$i} = time + 0.5; return };
            $s->blocking(0);
            $socket{$i} = $s; $sent{$i} = 0; $next{$i} = time + rand($interval); $wasBusy{$i} = 0;
            $select->add($s); $opened++;
        }
        sub closeOne {
            my ($i) = @_;
            $select->remove($socket{$i}); close $socket{$i}; delete $socket{$i}; $retry{$i} = time + 0.5;
        }
        connectOne($_) for 1 .. $count;
        my $end = time + $seconds;
        while (time < $end) {
            for my $i (1 .. $count) {
                if (!$socket{$i}) { connectOne($i) if time >= ($retry{$i} // 0); next; }
                next if time < $next{$i};
                my $bytes = $mode eq 'hold' ? $line . "}\n" : substr($line, $sent{$i} % length($line), 1);
                if (!defined syswrite($socket{$i}, $bytes)) { $dropped++ unless $wasBusy{$i}; closeOne($i); next; }
                $sent{$i}++; $next{$i} = time + $interval;
            }
            for my $s ($select->can_read(0.05)) {
                my ($i) = grep { $socket{$_} && $socket{$_} == $s } keys %socket;
                next unless defined $i;
                my $buffer = '';
                my $n = sysread($s, $buffer, 65536);
                if (defined $n && $n > 0) {
                    if ($buffer =~ /"busy"/) { $busy++; $wasBusy{$i} = 1 } elsif ($buffer =~ /"ok":true/) { $answered++ }
                    next;
                }
                $dropped++ unless $wasBusy{$i};
                closeOne($i);
            }
        }
        print "opened $opened answered $answered busy $busy dropped $dropped\n";
        """#

    /// A perl server at `path` that answers every line with a made-up status and appends what it
    /// receives to `log` (after a first line `listening`): the impostor a squatter would run.
    static let impostor = #"""
        use strict; use warnings; use IO::Socket::UNIX; use IO::Handle;
        my ($path, $log) = @ARGV;
        $SIG{PIPE} = 'IGNORE';
        my $server = IO::Socket::UNIX->new(Type => SOCK_STREAM, Local => $path, Listen => 8) or die "bind $path: $!";
        chmod 0666, $path;
        open my $out, '>>', $log or die; $out->autoflush(1);
        print $out "listening\n";
        while (my $client = $server->accept) {
            while (defined(my $line = <$client>)) {
                print $out "received: $line";
                print $client qq({"data":{"healthy":true,"site":"impostor"},"ok":true,"v":1}\n);
            }
        }
        """#

    /// Counts printed by `client`.
    struct ClientCounts: Equatable {
        var opened = 0
        var answered = 0
        var busy = 0
        var dropped = 0

        init() {}

        init(_ output: String) {
            let words = output.split(whereSeparator: \.isWhitespace)
            func count(_ name: String) -> Int {
                words.firstIndex(of: Substring(name)).flatMap { index in index + 1 < words.count ? Int(words[index + 1]) : nil } ?? 0
            }
            opened = count("opened")
            answered = count("answered")
            busy = count("busy")
            dropped = count("dropped")
        }

        static func + (lhs: Self, rhs: Self) -> Self {
            var sum = lhs
            sum.opened += rhs.opened
            sum.answered += rhs.answered
            sum.busy += rhs.busy
            sum.dropped += rhs.dropped
            return sum
        }
    }
}
