package io.loopdesk.kb.bench;

import io.loopdesk.api.kb.Article;
import io.loopdesk.api.kb.ArticleKind;
import io.loopdesk.api.kb.ArticleStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic synthetic after-sales articles: 60% Chinese, 30% English, 10% mixed. A fifth of the
 * words come from an after-sales vocabulary of about 150 words per language (so each of them, e.g.
 * 退货 or "refund", occurs in several percent of the articles), the rest from a long tail of 4,000
 * made-up words per language with a Zipf-like distribution, so postings lists look like real text.
 * Every 20th article is a draft and every 25th expired, so the live filter has work to do.
 */
public final class ArticleGenerator {
  static final String[] ZH =
      ("退货 换货 退款 保修 三包 维修 安装 配送 快递 物流 电池 鼓包 充电 续航 空调 制冷 洗衣机 漏水 热水器 "
              + "手机 电动车 屏幕 售后 网点 预约 上门 师傅 工单 投诉 升级 回访 话术 问候 结束语 安抚 道歉 赔偿 "
              + "发票 订单 取消 签收 破损 拒收 补发 延迟 催单 价格 优惠 活动 会员 延保 质保 人为 损坏 进水 "
              + "检测 报价 配件 零件 压缩机 滤网 冷媒 遥控器 噪音 异响 故障 代码 报错 重启 升级 系统 网络 配网 "
              + "流程 规定 政策 条件 时效 标准 收费 免费 费用 说明 指南 案例 改进 复盘 培训 质检 满意度 评价 "
              + "客户 客服 主管 经理 专员 时间 小时 工作日 地址 电话 短信 通知 提醒 记录 状态 进度 结果 方案")
          .split(" ");
  static final String[] EN =
      ("return refund exchange warranty repair install installation delivery courier shipping battery "
              + "swelling charging range air conditioner cooling washing machine leak water heater phone bike "
              + "screen service center appointment technician visit ticket complaint escalation follow up script "
              + "greeting closing apology compensation invoice order cancel signed damaged refused reship delay "
              + "price discount promotion member extended coverage accidental damage inspection quote accessory "
              + "part compressor filter refrigerant remote noise fault error code reboot update network pairing "
              + "process policy condition standard fee free cost guide case improvement review training quality "
              + "customer agent supervisor manager hours business days address text notification reminder status")
          .split(" ");
  static final String[] CATEGORIES = {
    "三包", "退货", "退款", "保修", "维修", "安装", "配送", "电池", "话术", "投诉",
    "returns", "refunds", "warranty", "repair", "installation", "delivery", "battery", "script",
        "complaints", "case"
  };
  static final String[] PRODUCTS = {"AC-200", "WM-10", "EB-5", "PH-9", "WH-3", "TV-55", "FR-8", ""};

  private static final String[] ZH_TAIL = tail(true);
  private static final String[] EN_TAIL = tail(false);

  private ArticleGenerator() {}

  private static String[] tail(boolean chinese) {
    String hanzi =
        "安保备包报北贝本比边变表别宾并波补部材采参仓测层查产长常厂场车成承程尺充出除处传窗"
            + "春纯磁次从存达带单档导道灯等低底点电调定动冻端段队对吨多额发法反方防放费分风封服浮符福"
            + "盖干感钢高格隔工供购固故关管光广规柜滚锅果焊好合盒黑红后护花化环换黄灰回会机积级集计记"
            + "加夹价架间检件建键交胶角脚接节结解金紧进经净镜旧局具距卷卡开看靠壳可空控口库块快宽框蓝";
    SplittableRandom random = new SplittableRandom(chinese ? 11 : 13);
    String[] syllables = {
      "ka", "lo", "mi", "tur", "ven", "sa", "pex", "dro", "qui", "bal", "nor", "zet", "ri", "fon"
    };
    String[] words = new String[4000];
    for (int i = 0; i < words.length; i++) {
      StringBuilder word = new StringBuilder();
      if (chinese) {
        word.append(hanzi.charAt(random.nextInt(hanzi.length())))
            .append(hanzi.charAt(random.nextInt(hanzi.length())));
      } else {
        for (int k = 0; k < 2 + random.nextInt(2); k++) {
          word.append(syllables[random.nextInt(syllables.length)]);
        }
      }
      words[i] = word.toString();
    }
    return words;
  }

  /** Generates {@code count} articles, the same ones for the same seed. */
  public static List<Article> generate(int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Article> articles = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int language = random.nextInt(10);
      String[] vocabulary = language < 6 ? ZH : EN;
      boolean mixed = language == 9;
      String title =
          words(random, vocabulary, mixed, 3 + random.nextInt(4), language < 6 ? "" : " ");
      String body =
          words(random, vocabulary, mixed, 40 + random.nextInt(40), language < 6 ? "" : " ");
      Article.Builder builder =
          Article.builder("gen-" + i)
              .title(title)
              .body(body)
              .kind(ArticleKind.values()[random.nextInt(ArticleKind.values().length)])
              .categories(
                  CATEGORIES[random.nextInt(CATEGORIES.length)],
                  CATEGORIES[random.nextInt(CATEGORIES.length)])
              .product(PRODUCTS[random.nextInt(PRODUCTS.length)])
              .status(i % 20 == 0 ? ArticleStatus.DRAFT : ArticleStatus.PUBLISHED);
      if (i % 25 == 0) {
        builder.effectiveUntil(java.time.Instant.parse("2020-01-01T00:00:00Z"));
      }
      articles.add(builder.build());
    }
    return articles;
  }

  private static String words(
      SplittableRandom random, String[] vocabulary, boolean mixed, int n, String separator) {
    StringBuilder text = new StringBuilder();
    for (int w = 0; w < n; w++) {
      String[] source = mixed && random.nextInt(3) == 0 ? (vocabulary == ZH ? EN : ZH) : vocabulary;
      String word;
      if (random.nextInt(5) == 0) {
        word = source[random.nextInt(source.length)];
      } else {
        // log-uniform rank: Zipf-like long tail
        String[] tail = source == ZH ? ZH_TAIL : EN_TAIL;
        word =
            tail[
                (int)
                    Math.min(
                        tail.length - 1,
                        Math.floor(Math.pow(tail.length, random.nextDouble())) - 1)];
      }
      if (text.length() > 0) {
        text.append(source == EN || separator.equals(" ") ? " " : separator);
      }
      text.append(word);
      if (w % 12 == 11) {
        text.append(source == ZH ? "。" : ".");
      }
    }
    return text.toString();
  }
}
