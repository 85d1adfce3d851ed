package org.agora.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RichTextTest {

    /** Classics of the OWASP XSS filter evasion cheat sheet, and a few mutation-XSS ones. */
    @ParameterizedTest
    @ValueSource(strings = {
        "<SCRIPT SRC=https://xss.rocks/xss.js></SCRIPT>",
        "javascript:/*--></title></style></textarea></script></xmp><svg/onload='+/\"/+/onmouseover=1/+/[*/[]/+alert(1)//'>",
        "<IMG SRC=\"javascript:alert('XSS');\">",
        "<IMG SRC=JaVaScRiPt:alert('XSS')>",
        "<IMG SRC=`javascript:alert(\"RSnake says, 'XSS'\")`>",
        "<a onmouseover=\"alert(document.cookie)\">xxs link</a>",
        "<IMG \"\"\"><SCRIPT>alert(\"XSS\")</SCRIPT>\"\\>",
        "<IMG SRC=/ onerror=\"alert(String.fromCharCode(88,83,83))\"></img>",
        "<img src=x onerror=\"&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041\">",
        "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;\">x</a>",
        "<a href=\"&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041\">x</a>",
        "<a href=\"&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29\">x</a>",
        "<a href=\"jav\tascript:alert('XSS');\">x</a>",
        "<a href=\"jav&#x09;ascript:alert('XSS');\">x</a>",
        "<a href=\"jav&#x0A;ascript:alert('XSS');\">x</a>",
        "<a href=\"jav&#x0D;ascript:alert('XSS');\">x</a>",
        "<a href=\" &#14;  javascript:alert('XSS');\">x</a>",
        "<a href=\"java\u0000script:alert(1)\">x</a>",
        "<a href=\"javascript&colon;alert(1)\">x</a>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
        "<a href=\"vbscript:msgbox(1)\">x</a>",
        "<a href=\"https://example.org\" onclick=\"alert(1)\" style=\"position:fixed\">ok</a>",
        "<SCRIPT/XSS SRC=\"http://xss.rocks/xss.js\"></SCRIPT>",
        "<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert(\"XSS\")>",
        "<<SCRIPT>alert(\"XSS\");//\\<</SCRIPT>",
        "<SCRIPT SRC=http://xss.rocks/xss.js?< B >",
        "<IMG SRC=\"`('XSS')\"`",
        "<iframe src=http://xss.rocks/scriptlet.html <",
        "</TITLE><SCRIPT>alert(\"XSS\");</SCRIPT>",
        "<INPUT TYPE=\"IMAGE\" SRC=\"javascript:alert('XSS');\">",
        "<BODY BACKGROUND=\"javascript:alert('XSS')\">",
        "<IMG DYNSRC=\"javascript:alert('XSS')\">",
        "<STYLE>li {list-style-image: url(\"javascript:alert('XSS')\");}</STYLE><UL><LI>XSS</br>",
        "<svg/onload=alert('XSS')>",
        "<svg><script>alert(1)</script></svg>",
        "<LINK REL=\"stylesheet\" HREF=\"javascript:alert('XSS');\">",
        "<META HTTP-EQUIV=\"refresh\" CONTENT=\"0;url=javascript:alert('XSS');\">",
        "<META HTTP-EQUIV=\"refresh\" CONTENT=\"0;url=data:text/html base64,PHNjcmlwdD5hbGVydCgnWFNTJyk8L3NjcmlwdD4K\">",
        "<IFRAME SRC=\"javascript:alert('XSS');\"></IFRAME>",
        "<iframe srcdoc=\"&lt;script&gt;alert(1)&lt;/script&gt;\"></iframe>",
        "<FRAMESET><FRAME SRC=\"javascript:alert('XSS');\"></FRAMESET>",
        "<TABLE BACKGROUND=\"javascript:alert('XSS')\">",
        "<DIV STYLE=\"background-image: url(javascript:alert('XSS'))\">",
        "<DIV STYLE=\"width: expression(alert('XSS'));\">",
        "<IMG STYLE=\"xss:expr/*XSS*/ession(alert('XSS'))\">",
        "<p style=\"color:red\" class=\"x\" onmouseover=\"alert(1)\">hover</p>",
        "<BASE HREF=\"javascript:alert('XSS');//\">",
        "<OBJECT TYPE=\"text/x-scriptlet\" DATA=\"http://xss.rocks/scriptlet.html\"></OBJECT>",
        "<EMBED SRC=\"data:image/svg+xml;base64,PHN2ZyB4bWxuczpzdmc9Imh0dH\" type=\"image/svg+xml\" AllowScriptAccess=\"always\"></EMBED>",
        "<XML ID=\"xss\"><I><B><IMG SRC=\"javas<!-- -->cript:alert('XSS')\"></B></I></XML>",
        "<!--[if gte IE 4]><SCRIPT>alert('XSS');</SCRIPT><![endif]-->",
        "<details open ontoggle=alert(1)>",
        "<xss id=x tabindex=1 onfocus=alert(1)></xss>",
        "<video><source onerror=\"alert(1)\"></video>",
        "<form action=\"javascript:alert(1)\"><button formaction=\"javascript:alert(1)\">x</button></form>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
        "<textarea></textarea><script>alert(1)</script>",
        "<scr<script>ipt>alert(1)</script>",
        "'';!--\"<XSS>=&{()}",
    })
    void nothingExecutableSurvives(String payload) {
        String safe = RichText.sanitize(payload);

        assertOnlyAllowedMarkup(safe);
        assertThat(RichText.sanitize(safe)).as("sanitizing twice changes nothing").isEqualTo(safe);
    }

    @Test
    void scriptsStylesAndFramesVanishWithTheirContent() {
        assertThat(RichText.sanitize("<p>avant</p><script>alert(1)</script><style>p{}</style><iframe>x</iframe>"))
                .isEqualTo("<p>avant</p>");
    }

    @Test
    void dangerousLinkKeepsItsTextButLosesTheLink() {
        assertThat(RichText.sanitize("<p><a href=\"javascript:alert(1)\">cliquez</a></p>")).isEqualTo("<p>cliquez</p>");
        assertThat(RichText.sanitize("<p><img src=x onerror=alert(1)>photo</p>")).isEqualTo("<p>photo</p>");
    }

    @Test
    void onlyAbsoluteWebAndMailLinksAreKept() {
        assertThat(RichText.sanitize("<a href=\"/SignOut\">déconnexion</a>")).isEqualTo("déconnexion");
        assertThat(RichText.sanitize("<a href=\"//evil.example\">ailleurs</a>")).isEqualTo("ailleurs");
        assertThat(RichText.sanitize("<a href=\"ftp://example.org\">ftp</a>")).isEqualTo("ftp");
        assertThat(RichText.sanitize("<a href=\"http://example.org\">web</a>"))
                .isEqualTo("<a href=\"http://example.org\" rel=\"nofollow noopener noreferrer\">web</a>");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<p>Texte <strong>gras</strong>, <em>italique</em>, <u>souligné</u> et <s>barré</s>.</p>",
        "<p><b>gras</b> et <i>italique</i></p>",
        "<h2>Titre</h2><h3>Sous-titre</h3><p>Corps du texte</p>",
        "<ul><li>un</li><li>deux</li></ul><ol><li>premier</li><li>second</li></ol>",
        "<blockquote>Une citation</blockquote>",
        "<p>Ligne<br />suivante</p>",
        "<p>Voir <a href=\"https://www.example.org/projets\" rel=\"nofollow noopener noreferrer\">le site</a></p>",
        "<p><a href=\"mailto:democratie&#64;ville.example\" rel=\"nofollow noopener noreferrer\">écrire</a></p>",
        "<ul><li><strong>Mobilité</strong> : pistes cyclables</li><li><em>Culture</em></li></ul>",
    })
    void normalFormattingSurvivesUnchanged(String html) {
        assertThat(RichText.sanitize(html)).isEqualTo(html);
    }

    @Test
    void editorClassesAndAttributesAreDropped() {
        String fromEditor = "<p class=\"ql-align-center\">Centré <span class=\"ql-size-large\">grand</span></p>"
                + "<ol><li>un</li><li class=\"ql-indent-1\">sous-point</li></ol>"
                + "<p><a href=\"https://www.example.org\" rel=\"noopener noreferrer\" target=\"_blank\">lien</a></p>"
                + "<pre class=\"ql-syntax\" spellcheck=\"false\">code</pre>";

        assertThat(RichText.sanitize(fromEditor)).isEqualTo("<p>Centré grand</p>"
                + "<ol><li>un</li><li>sous-point</li></ol>"
                + "<p><a href=\"https://www.example.org\" rel=\"nofollow noopener noreferrer\">lien</a></p>"
                + "<p>code</p>");
    }

    @Test
    void otherBlocksBecomeTheNearestKeptOne() {
        assertThat(RichText.sanitize("<h1>Grand titre</h1><h4>Petit</h4><div>Bloc</div><pre>code</pre>"))
                .isEqualTo("<h2>Grand titre</h2><h3>Petit</h3><p>Bloc</p><p>code</p>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<p><br></p>", "<p><br/></p><p> </p>", "<p>&nbsp;</p>", "   ", "", "<script>x</script>",
        "<p><img src=\"https://example.org/a.png\"></p>"})
    void emptyEditorGivesNothing(String html) {
        assertThat(RichText.sanitize(html)).isEmpty();
        assertThat(RichText.plainText(html)).isEmpty();
    }

    @Test
    void nullIsEmpty() {
        assertThat(RichText.sanitize(null)).isEmpty();
        assertThat(RichText.plainText(null)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "<p>Bonjour <strong>à tous</strong></p>|Bonjour à tous",
        "<p>Un</p><p>Deux</p>|Un\\nDeux",
        "<h2>Titre</h2><ul><li>a</li><li>b</li></ul>|Titre\\na\\nb",
        "<p>ligne<br>suivante</p>|ligne\\nsuivante",
        "<p>Rock &amp; roll, l&#39;été, 1&#43;1&#61;2</p>|Rock & roll, l'été, 1+1=2",
        "<p>a&nbsp;&nbsp;  b</p><p><br></p><p>c</p>|a b\\nc",
        "<p>visible</p><script>alert('caché')</script><style>p{}</style>|visible",
        "<p>x &lt;script&gt; y</p>|x <script> y",
    })
    void plainTextIsWhatAReaderSees(String html, String expected) {
        assertThat(RichText.plainText(html)).isEqualTo(expected.replace("\\n", "\n"));
    }

    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern ALLOWED_TAG = Pattern.compile(
            "</?(p|br|strong|b|em|i|u|s|h2|h3|ul|ol|li|blockquote)>|<br />|</a>"
            + "|<a href=\"(https?://|mailto:)[^\"<>]*\" rel=\"nofollow noopener noreferrer\">");

    /** Every tag of the output is one of the allowed ones, and the only attributes are a safe link's. */
    private static void assertOnlyAllowedMarkup(String html) {
        Matcher tags = TAG.matcher(html);
        while (tags.find()) {
            assertThat(tags.group()).as("tag in %s", html).matches(ALLOWED_TAG);
        }
        assertThat(TAG.matcher(html).replaceAll("")).as("text of %s", html).doesNotContain("<", ">");
    }
}
